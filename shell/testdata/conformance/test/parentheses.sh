[ \( x = x \) ]; echo $?
[ ! \( x = y \) ]; echo $?
[ \( "" -o x \) -a \( y \) ]; echo $?
