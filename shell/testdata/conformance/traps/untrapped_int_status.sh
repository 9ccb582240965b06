kill -INT $$
echo not reached
