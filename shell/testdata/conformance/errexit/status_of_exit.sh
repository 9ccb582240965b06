set -e
(exit 5)
echo not reached
