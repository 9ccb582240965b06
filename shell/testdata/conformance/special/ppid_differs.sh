case $PPID in ''|*[!0-9]*) echo bad;; *) echo numeric;; esac
[ $PPID != $$ ] && echo differs
