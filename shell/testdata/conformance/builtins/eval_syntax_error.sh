eval 'if then'
echo not reached
