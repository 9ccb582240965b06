( set -e; false; echo not ) ; echo "sub status $?"
false
echo parent continues
