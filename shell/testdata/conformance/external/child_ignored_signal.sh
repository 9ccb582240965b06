# expect: signals ignored by the shell stay ignored in its children
trap '' TERM
/bin/sh -c 'kill -TERM $$; echo child-survived'
