printf
echo "st=$?"
