/bin/true &
wait
/bin/true &
wait $!
echo "status $?"
