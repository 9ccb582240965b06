printf 'first\nsecond\n' > in
exec 4<in
read a <&4
read b <&4
exec 4<&-
echo "$a $b"
