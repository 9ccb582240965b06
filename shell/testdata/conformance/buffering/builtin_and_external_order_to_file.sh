{ echo a; /bin/echo b; echo c; printf d; /usr/bin/printf e; echo; } > f
cat f
