echo $( (echo sub) )
echo $((1+1))
