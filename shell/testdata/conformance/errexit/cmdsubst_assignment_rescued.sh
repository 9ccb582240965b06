set -e
x=$(false) || echo rescued
echo "after [$x]"
