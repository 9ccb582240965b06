[ -t ]; echo $?
[ -e ]; echo $?
[ "(" ]; echo $?
[ ")" ]; echo $?
