[ -t 0 ]; echo $?
[ -t 9 ]; echo $?
