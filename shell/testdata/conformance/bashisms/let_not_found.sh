let x=1+2
echo "status $? [${x-unset}]"
