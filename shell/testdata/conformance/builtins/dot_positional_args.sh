# expect: dash ignores extra arguments to . (does not set $1)
echo 'echo "args: $#"' > inc
set -- a b
. ./inc x y z
