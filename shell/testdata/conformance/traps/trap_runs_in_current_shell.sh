x=0
trap 'x=1' USR1
kill -USR1 $$
echo $x
