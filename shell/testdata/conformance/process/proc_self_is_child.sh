# expect: /proc/self in an external command is that command, not the shell
[ "$(readlink /proc/self)" != $$ ] && echo different
