# expect: unset 1 is a fatal error in dash (bad variable name, exit 2); bash ignores it
unset 1
echo "status $?"
