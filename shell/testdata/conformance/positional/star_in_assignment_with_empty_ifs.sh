# expect: with IFS empty, $* in an assignment joins the parameters with nothing between them (bash agrees)
set -- a 'b c'
IFS=
y=$*
echo "$y"
z="$*"
echo "$z"
