x=v
echo "it's '$x'"
echo '"$x"'
