set -e
trap 'echo "trap $?"' EXIT
(exit 4)
