# expect: dash 0.5.12 test has no == (bash has): unexpected operator, status 2
[ a == a ]; echo $?
