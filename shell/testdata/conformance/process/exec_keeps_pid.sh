# expect: exec replaces the shell's program but keeps its process id
me=$$
exec /bin/sh -c "[ \$\$ = $me ] && echo same-pid-after-exec"
