empty=
"$empty"
echo "status $?"
