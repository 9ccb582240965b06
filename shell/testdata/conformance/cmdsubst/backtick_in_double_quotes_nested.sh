x="`echo \"q\"`"
echo "$x"
