[ a \< ]; echo $?
