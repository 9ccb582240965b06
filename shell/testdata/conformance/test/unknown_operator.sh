[ a -foo b ]
echo "status $?"
