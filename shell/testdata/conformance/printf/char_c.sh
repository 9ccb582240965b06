printf '%c%c%c\n' abc d e
