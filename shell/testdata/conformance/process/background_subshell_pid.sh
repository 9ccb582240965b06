( /bin/sh -c 'echo $PPID > ppidfile'; : ) &
bg=$!
wait
[ "$(cat ppidfile)" = "$bg" ] && echo child-of-background-subshell
