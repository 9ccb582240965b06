x=hello
echo $(( ${#x} * 2 ))
