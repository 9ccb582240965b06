set -e
( false && true )
echo "not reached? $?"
