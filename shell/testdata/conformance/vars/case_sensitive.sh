v=lower V=upper
echo $v $V
