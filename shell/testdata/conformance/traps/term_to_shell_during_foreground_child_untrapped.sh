# expect: an untrapped TERM kills the shell at once, even while it waits for a foreground child
/bin/sh -c 'kill -TERM $PPID'
echo not reached
