# expect: echo to a closed stdout fails with status 1 and a message
echo hi >&-
echo "status $?"
