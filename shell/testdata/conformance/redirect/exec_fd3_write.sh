exec 3>out
echo line1 >&3
echo line2 >&3
exec 3>&-
cat out
