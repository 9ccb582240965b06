touch 1 2
echo $((1))
