# expect: dash treats this error as fatal to the script (status 2); bash --posix goes on
set -- a b
shift x
echo reached $?
