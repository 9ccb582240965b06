export 1abc=x
echo not reached
