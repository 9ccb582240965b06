printf 'l1\nl2\n' > f
{ read a; read b; } < f
echo "$a $b"
