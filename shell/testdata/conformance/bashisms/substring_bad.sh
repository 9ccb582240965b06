x=abcdef
echo ${x:1:2}
echo not reached
