[ 1 -eq 1.0 ]
echo "status $?"
( : $((1.5)) )
echo "status $?"
