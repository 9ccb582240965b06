PS4='+$x: '
x=1
set -x
echo a
x=2
echo b
