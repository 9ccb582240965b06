# expect: dash's echo reports write errors on /dev/full with status 1
echo hi > /dev/full
echo "status $?"
