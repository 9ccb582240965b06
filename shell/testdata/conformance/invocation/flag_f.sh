# flags: -f
touch a b
echo *
