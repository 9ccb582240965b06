touch g1 g2
set -- 'g*' x
echo $*
echo "$*"
