{ echo a; /bin/echo b; printf c; /bin/echo d; } | cat
