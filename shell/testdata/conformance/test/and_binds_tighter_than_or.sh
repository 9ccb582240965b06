[ "" -o x -a "" ]; echo $?
[ x -o "" -a "" ]; echo $?
