printf 'a\nb\n' > f
exec < f
read x; echo "$x"
read y; echo "$y"
echo script-continues
