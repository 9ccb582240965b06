[ = = = ]; echo $?
[ ! = x ]; echo $?
[ -n = -n ]; echo $?
