if ! false; then echo not-false; fi
n=0
while ! [ $n -ge 2 ]; do n=$((n+1)); done
echo $n
