trap 'echo got-term' TERM
/bin/sh -c 'kill -TERM $PPID; sleep 0.3; echo child-done'
echo after
