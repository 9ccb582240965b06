exec 3>f
echo via3 >&3
exec 3>&-
echo again >&3
echo "status $?"
cat f
