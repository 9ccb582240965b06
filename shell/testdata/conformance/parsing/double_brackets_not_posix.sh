# expect: [[ is a bash keyword; in dash it is a command: not found, 127
[[ 1 = 1 ]]
echo "status $?"
