false | true
echo $?
true | false
echo $?
true | (exit 5)
echo $?
