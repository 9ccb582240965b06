# expect: dash 0.5.12 has no ++/--; x++ is a syntax error, and ++x is +(+x)
x=5
echo $((++x)) $x
echo $((--x)) $x
