x='"quoted"'
echo $x
y="'single'"
echo $y
