cd /nonexistent_zz
echo "status $?"
