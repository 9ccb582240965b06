if true; then (exit 4); fi
echo $?
