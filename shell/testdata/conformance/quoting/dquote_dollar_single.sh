x=val
echo "$x"'$x'"$x"
