false
x=1
echo $?
false
y=$(true)
echo $?
false
z=$(false)
echo $?
