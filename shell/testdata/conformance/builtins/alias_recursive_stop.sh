alias echo='echo prefix'
echo hi
