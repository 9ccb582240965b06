exec /bin/echo replaced
echo not reached
