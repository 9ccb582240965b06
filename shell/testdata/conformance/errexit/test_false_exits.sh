set -e
[ 1 = 2 ]
echo not reached
