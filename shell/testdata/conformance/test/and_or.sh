[ x -a y ]; echo $?
[ x -a "" ]; echo $?
[ "" -o y ]; echo $?
[ "" -o "" ]; echo $?
[ 1 -eq 1 -a 2 -eq 2 -o 3 -eq 4 ]; echo $?
