x=y
[ -n "$x" -a "$x" = y ]; echo $?
[ -z "$x" -o "$x" = z ]; echo $?
