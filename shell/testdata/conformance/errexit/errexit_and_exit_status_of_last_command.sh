set -e
true
false || true
echo "status $?"
