# expect: dash treats this error as fatal to the script (status 2); bash --posix goes on
readonly R=1
unset R
echo "status $?"
