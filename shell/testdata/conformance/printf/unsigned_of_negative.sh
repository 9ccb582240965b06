printf '%u\n' -5
