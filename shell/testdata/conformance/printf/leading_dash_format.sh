printf '-%s\n' x
echo "st=$?"
