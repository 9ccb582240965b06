# expect: the redirection of an assignment-only command applies before the assignment fails, so the message goes to /dev/null
readonly x
x=1 2>/dev/null
echo not reached
