e=
echo $((e))
