set -Z
echo not reached
