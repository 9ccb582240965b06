[ -n ]; echo $?
[ -z ]; echo $?
[ = ]; echo $?
[ -f ]; echo $?
