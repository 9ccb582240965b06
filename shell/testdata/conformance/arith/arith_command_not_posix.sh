# expect: (( )) is not POSIX; in dash it is a nested subshell of a subshell
((echo sub))
echo $?
