e=
echo $((e+1))
