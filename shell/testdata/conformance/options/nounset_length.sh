set -u
( echo ${#undefined_zz} )
echo "status $?"
