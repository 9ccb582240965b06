( set -e; false; echo not )
echo "st $?"
echo after
