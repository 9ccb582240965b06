{ echo in-group; } > f
echo after-group
cat f
