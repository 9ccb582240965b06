# expect: PPID is an ordinary variable in dash
PPID=1 2>/dev/null
echo "status $?"
