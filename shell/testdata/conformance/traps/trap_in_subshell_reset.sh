trap 'echo parent-trap' EXIT
( echo in-subshell )
echo back
