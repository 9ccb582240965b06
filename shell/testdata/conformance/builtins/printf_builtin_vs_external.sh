printf '%s\n' x
/usr/bin/printf '%s\n' x
