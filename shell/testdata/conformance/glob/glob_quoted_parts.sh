touch 'a*b' aXb
echo a*b
echo 'a*'b
echo "a*b"
