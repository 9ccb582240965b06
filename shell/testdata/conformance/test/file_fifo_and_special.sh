mkfifo p
[ -p p ]; echo $?
[ -p /dev/null ]; echo $?
[ -c /dev/null ]; echo $?
[ -b /dev/null ]; echo $?
[ -S /dev/null ]; echo $?
