echo -e 'x'
echo -en 'y'
echo
