# expect: trapped (not ignored) signals are reset to default in children
trap 'echo parent-trap' TERM
/bin/sh -c 'kill -TERM $$; echo not-reached'
echo "status $?"
