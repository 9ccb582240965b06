( sleep 0.1; exit 7 ) &
wait $!
echo $?
