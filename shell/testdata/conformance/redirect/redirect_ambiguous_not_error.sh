x='a b'
echo data > $x
ls
