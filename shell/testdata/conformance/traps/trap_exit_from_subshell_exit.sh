( trap 'echo sub-trap' EXIT; exit 2 )
echo "sub status $?"
