echo before
echo $((1+))
echo after
