set -- a b
shift x
echo reached $?
