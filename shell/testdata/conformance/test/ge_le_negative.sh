[ -1 -ge -2 ]; echo $?
[ -3 -le -4 ]; echo $?
