# expect: a subshell is a separate process: a child it starts has a different parent than the shell
p=$( ( /bin/sh -c 'echo $PPID'; : ) )
[ "$p" != $$ ] && echo subshell-forked
