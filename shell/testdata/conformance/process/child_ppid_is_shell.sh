p=$(/bin/sh -c 'echo $PPID')
[ "$p" = $$ ] && echo "child's parent is the shell" || echo "parent differs"
