[ -5 -lt 3 ]; echo $?
[ " 7" -eq 7 ]; echo $?
[ 007 -eq 7 ]; echo $?
