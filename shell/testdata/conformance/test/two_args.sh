[ ! x ]; echo $?
[ ! "" ]; echo $?
[ -z -n ]; echo $?
