# expect: x+=1 is not an assignment in dash: the word is a command name, not found
x=1
x+=1
echo "status $? x=$x"
