exec 3>&-
echo x 3>&3
echo "status $?"
