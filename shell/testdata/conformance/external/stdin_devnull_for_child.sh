# expect: the runner gives scripts /dev/null as stdin; children inherit it
/bin/cat
echo "status $?"
