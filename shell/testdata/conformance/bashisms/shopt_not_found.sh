shopt -s nullglob
echo "status $?"
