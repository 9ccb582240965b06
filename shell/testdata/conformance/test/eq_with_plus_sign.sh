[ +5 -eq 5 ]; echo $?
