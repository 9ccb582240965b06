printf 'hello\n' > f
exec 6<> f
read w <&6
echo world >&6
exec 6>&-
cat f
