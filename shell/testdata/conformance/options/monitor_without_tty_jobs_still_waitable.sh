set -m 2>/dev/null
(exit 3) &
wait %1
echo "status $?"
