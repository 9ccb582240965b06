name=target
target=value
eval "echo \$$name"
eval "$name=changed"
echo $target
