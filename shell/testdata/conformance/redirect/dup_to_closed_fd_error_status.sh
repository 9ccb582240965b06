exec 7>&-
echo x >&7
echo "status $?"
