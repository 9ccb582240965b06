[ abc = abc ]; echo $?
[ abc = abd ]; echo $?
[ abc != abd ]; echo $?
test x = x; echo $?
