pushd / >/dev/null
echo "status $?"
