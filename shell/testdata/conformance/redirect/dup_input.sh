printf 'data\n' > f
exec 5<f
cat <&5
