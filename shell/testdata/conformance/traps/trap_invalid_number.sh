trap 'echo x' 999
echo "status $?"
