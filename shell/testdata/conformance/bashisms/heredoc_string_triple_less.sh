cat <<<"here string"
echo not reached
