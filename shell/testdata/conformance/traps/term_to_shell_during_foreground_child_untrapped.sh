# expect: an untrapped TERM sent to the shell kills it once it gets it; the child finishes first
/bin/sh -c 'kill -TERM $PPID; echo child-done'
echo not reached
