readonly -f nothing 2>/dev/null
echo "status $?"
