( set -e; nosuch_cmd_zz; echo not )
echo "status $?"
