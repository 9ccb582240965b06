printf '%x\n' 255.5
echo "status $?"
