# expect: readonly -f is bash-only: dash reports an illegal option and exits 2
readonly -f nothing 2>/dev/null
echo "status $?"
