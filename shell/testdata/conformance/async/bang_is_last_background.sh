(:) &
a=$!
(:) &
b=$!
[ "$a" != "$b" ] && echo distinct
[ "$!" = "$b" ] && echo last
wait
