trap 'echo got USR1' 10
kill -USR1 $$
echo done
