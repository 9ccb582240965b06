set -e
false | false
echo not reached
