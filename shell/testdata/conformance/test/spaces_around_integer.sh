test ' 1 ' -eq 1; echo $?
test 1 -eq ' 1x'; echo $?
