# flags: -n
echo ok
if then
