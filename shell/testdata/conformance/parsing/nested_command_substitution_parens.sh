echo $( echo "(" ; echo ")" )
