# expect: dash expands ~ with HOME unset to the empty string
unset HOME
x=~
echo "[$x]"
echo ~/y
