true; echo $?
false; echo $?
