printf '%i %+i\n' 7 7
