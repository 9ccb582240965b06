mkdir d
( cd d; echo ${PWD##*/} )
echo ${PWD##*/} | grep -c '^d$'
