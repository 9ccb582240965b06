nosuch_cmd_zz &
wait $!
echo "status $?"
