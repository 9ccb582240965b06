printf -v var '%s' x
echo "status $? [${var-unset}]"
