[ ]; echo $?
test; echo $?
