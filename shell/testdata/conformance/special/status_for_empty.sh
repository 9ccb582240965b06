false
for i in; do :; done
echo $?
