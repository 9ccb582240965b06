printf '%*.*s|\n' 6 2 abcdef
