trap 'echo caught' TERM
trap - TERM
kill -TERM $$
echo not reached
