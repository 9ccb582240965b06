/bin/sh -c 'echo $$ > pidfile' &
bg=$!
wait
[ "$(cat pidfile)" = "$bg" ] && echo bang-is-child-pid
