printf 'data\n' > f
exec 3<&0
exec < f
read x
exec 0<&3 3<&-
echo "$x"
