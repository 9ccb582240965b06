printf '%s\n' via-builtin
/usr/bin/printf '%s\n' via-path
