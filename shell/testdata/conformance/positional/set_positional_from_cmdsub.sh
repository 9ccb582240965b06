set -- $(echo "one two  three")
echo $# $3
