if false; then echo no; fi
echo $?
false
if false; then :; else (exit 3); fi
echo $?
