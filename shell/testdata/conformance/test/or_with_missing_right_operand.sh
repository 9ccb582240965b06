[ a = a -o ]; echo $?
