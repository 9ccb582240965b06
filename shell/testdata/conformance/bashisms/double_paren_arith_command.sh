# expect: in dash ((...)) is two nested subshells, so ((x=1)) runs the command x=1 in a subshell
x=0
((x=5))
echo "status $? x=$x"
