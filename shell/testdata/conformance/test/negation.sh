[ ! -z x ]; echo $?
[ ! x = x ]; echo $?
[ ! ]; echo $?
