trap 'echo a' USR1
trap 'echo b' USR1
kill -USR1 $$
