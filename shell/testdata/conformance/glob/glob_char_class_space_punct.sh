touch 'a b' 'a.b' 'a-b'
echo a[[:space:]]b
echo a[[:punct:]]b
