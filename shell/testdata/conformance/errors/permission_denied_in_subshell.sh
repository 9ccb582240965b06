touch f
( ./f )
echo "status $?"
