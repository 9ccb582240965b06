# flags: -o errexit
false
echo not reached
