[ -e "" ]; echo $?
[ -d "" ]; echo $?
[ -f "" ]; echo $?
