# expect: the handler resets USR1 to default, so the second USR1 kills the shell (status 138)
trap 'echo once; trap - USR1' USR1
kill -USR1 $$
kill -USR1 $$ 2>/dev/null
echo after
