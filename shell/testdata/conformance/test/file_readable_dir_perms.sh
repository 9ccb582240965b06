mkdir d
[ -r d ]; echo $?
[ -w d ]; echo $?
[ -x d ]; echo $?
