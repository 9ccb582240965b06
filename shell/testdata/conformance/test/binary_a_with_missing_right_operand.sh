# expect: two arguments whose first is neither ! nor a unary operator are unspecified by POSIX; dash quietly gives 1
[ a -a ]; echo $?
