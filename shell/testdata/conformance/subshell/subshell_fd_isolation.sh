( exec 3>f; echo x >&3 )
echo y >&3
echo "status $?"
cat f
