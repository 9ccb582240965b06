export N=1
export -n N 2>/dev/null
echo "status $?"
