# expect: dash: Bad substitution, exit 2
echo before
echo ${x:y}
echo after
