[ a b c d ]
echo "status $?"
