[ ! a = b ]; echo $?
[ ! a = a ]; echo $?
