(:) &
a=$!
( [ "$!" = "$a" ] && echo inherited-in-subshell )
wait
