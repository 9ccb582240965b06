a='$b'
b=value
echo $a "$a"
