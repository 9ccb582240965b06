exec 3>out
/bin/sh -c 'echo via-fd3 >&3'
exec 3>&-
cat out
