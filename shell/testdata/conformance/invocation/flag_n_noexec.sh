# flags: -n
echo not run
