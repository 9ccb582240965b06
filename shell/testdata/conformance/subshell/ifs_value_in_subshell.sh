IFS=:
x=a:b
( set -- $x; echo $# )
echo "$(set -- $x; echo $#)"
