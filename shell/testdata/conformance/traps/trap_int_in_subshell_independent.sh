trap 'echo parent-int' INT
# expect: kill -INT 0 signals the whole process group: the subshell runs its own trap, the parent its own after the subshell ends
( trap 'echo child-int' INT; kill -INT 0; : )
echo done
