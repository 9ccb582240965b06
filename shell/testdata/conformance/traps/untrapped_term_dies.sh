echo before
kill -TERM $$
echo not reached
