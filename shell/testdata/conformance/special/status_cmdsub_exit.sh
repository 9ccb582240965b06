x=$(exit 3); echo $?
$(exit 4); echo $?
echo "$(exit 5)"; echo $?
