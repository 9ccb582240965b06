# expect: history is a bash builtin; dash has none
history
echo "status $?"
