# expect: dash treats this error as fatal to the script (status 2); bash --posix goes on
for i in 1; do break x; done
echo "status $?"
