set -- a b
shift -1
echo reached $?
