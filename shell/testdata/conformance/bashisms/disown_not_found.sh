# expect: disown is a bash builtin; dash has none
sleep 0.1 &
disown
echo "status $?"
wait
