# expect: dash 0.5.12's kill -l prints only the first of several numbers
kill -l 1 2 3
