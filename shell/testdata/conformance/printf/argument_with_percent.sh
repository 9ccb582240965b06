printf '%s\n' '100%'
