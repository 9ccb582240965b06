# expect: export -n is bash-only: dash reports an illegal option and, export being special, exits 2
export N=1
export -n N 2>/dev/null
echo "status $?"
