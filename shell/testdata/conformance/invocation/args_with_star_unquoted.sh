# args: a* b
touch a1 a2
echo $1
echo "$1"
