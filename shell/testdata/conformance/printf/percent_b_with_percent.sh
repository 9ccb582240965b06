printf '%b\n' '100%'
