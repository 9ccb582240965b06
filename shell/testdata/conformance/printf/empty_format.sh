printf ''
echo "st=$?"
