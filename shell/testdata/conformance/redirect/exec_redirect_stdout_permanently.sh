exec > out
echo one
echo two
exec >&2
cat out >&2
