x=world
echo "hello $x"
echo "a  b   c"
echo "${x}s"
echo "$x$x"
