printf 'written '
echo before-signal
kill -TERM $$
