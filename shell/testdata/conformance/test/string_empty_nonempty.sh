[ -z "" ]; echo $?
[ -z x ]; echo $?
[ -n "" ]; echo $?
[ -n x ]; echo $?
[ x ]; echo $?
[ "" ]; echo $?
