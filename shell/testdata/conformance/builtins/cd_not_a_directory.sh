touch f
cd f
echo "status $?"
