exit 3 &
wait $!
echo "st $? still here"
