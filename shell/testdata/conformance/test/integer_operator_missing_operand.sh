[ 1 -eq ]; echo $?
