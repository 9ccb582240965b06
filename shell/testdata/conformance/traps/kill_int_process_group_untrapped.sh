# expect: kill -INT 0 from a child signals the whole process group: the child and then the shell die of SIGINT
/bin/sh -c 'kill -INT 0'
echo not reached
