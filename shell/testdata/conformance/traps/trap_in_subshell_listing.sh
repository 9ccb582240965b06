# expect: dash 0.5.12 lists no traps in a subshell (POSIX allows listing the parent's); bash lists them
trap 'echo hi' INT
( trap )
echo ---
x=$(trap)
echo "[$x]"
