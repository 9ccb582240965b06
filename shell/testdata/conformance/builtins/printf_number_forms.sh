printf '%d|%d|%d\n' ' 42' +5 -0
