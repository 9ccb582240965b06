# flags: -x
echo traced
x=1
