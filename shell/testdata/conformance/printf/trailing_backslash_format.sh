printf 'end\\'
echo
printf 'x\'
echo
