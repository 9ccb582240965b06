trap 'echo lower' usr1 2>/dev/null
echo "status $?"
