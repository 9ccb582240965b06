x=$(false) y=ok
echo $? $y
