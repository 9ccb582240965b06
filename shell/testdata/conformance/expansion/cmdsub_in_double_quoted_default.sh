unset u
echo "${u:-$(echo "in sub")}"
