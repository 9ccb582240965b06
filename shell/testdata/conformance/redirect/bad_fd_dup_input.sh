cat <&8
echo "status $?"
