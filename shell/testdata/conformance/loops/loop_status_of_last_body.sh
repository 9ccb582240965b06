for i in 1; do (exit 4); done
echo $?
