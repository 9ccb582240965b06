yes abc | head -c 7
echo
