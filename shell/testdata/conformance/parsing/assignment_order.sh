a=1 b=$a
echo $b
