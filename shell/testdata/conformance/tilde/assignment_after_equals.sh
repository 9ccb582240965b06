HOME=/home/me
x=~
echo $x
y=~/sub
echo $y
