printf '%z\n' x
echo "st=$?"
