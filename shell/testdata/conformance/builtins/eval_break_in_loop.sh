for i in 1 2 3; do eval 'break'; echo no; done
echo after $i
