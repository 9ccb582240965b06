> bgfile &
wait
ls bgfile
