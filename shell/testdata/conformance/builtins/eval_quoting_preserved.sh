eval 'x="a  b"'
echo "$x"
eval "y='c  d'"
echo "$y"
