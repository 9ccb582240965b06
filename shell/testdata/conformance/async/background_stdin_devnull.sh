# expect: without job control, an asynchronous command's stdin is /dev/null (POSIX 2.9.3.1)
printf 'data\n' > f
{ cat & wait; } < f
echo "---"
