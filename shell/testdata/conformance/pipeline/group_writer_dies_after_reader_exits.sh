{ echo a; sleep 0.2; echo b; echo not-seen >&2; } | head -n 1
echo "status $?"
