[ 10 = 010 ]; echo $?
[ 10 -eq 010 ]; echo $?
[ 2 \< 10 ]; echo $?
[ 2 -lt 10 ]; echo $?
