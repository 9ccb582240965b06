# expect: dash treats this error as fatal to the script (status 2); bash --posix goes on
local x=1
echo "status $?"
