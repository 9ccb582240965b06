x=$(echo inner; /bin/echo inner2)
echo outer
echo "$x"
