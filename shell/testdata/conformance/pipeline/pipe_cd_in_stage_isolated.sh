mkdir d
cd d | true
echo ${PWD##*/} | grep -c '^d$'
