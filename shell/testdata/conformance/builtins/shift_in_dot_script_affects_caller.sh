echo 'shift' > inc
set -- a b c
. ./inc
echo "$*"
