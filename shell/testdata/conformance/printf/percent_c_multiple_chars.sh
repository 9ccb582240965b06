printf '%c|%c\n' hello w
