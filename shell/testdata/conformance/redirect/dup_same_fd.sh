echo self 1>&1
echo ok
