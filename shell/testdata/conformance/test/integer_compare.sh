[ 1 -eq 1 ]; echo $?
[ 1 -ne 1 ]; echo $?
[ 1 -lt 2 ]; echo $?
[ 2 -le 2 ]; echo $?
[ 3 -gt 2 ]; echo $?
[ 2 -ge 3 ]; echo $?
