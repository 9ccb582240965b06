trap 'echo "trap sees $1"' USR1
set -- arg
kill -USR1 $$
