set -u
( echo $1 )
echo "status $?"
