{ echo in; } < nosuch
echo "status $?"
