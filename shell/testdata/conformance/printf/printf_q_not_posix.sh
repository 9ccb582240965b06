printf '%q\n' 'a b'
echo "st=$?"
