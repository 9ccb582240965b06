printf '%x %o\n' -1 -1
