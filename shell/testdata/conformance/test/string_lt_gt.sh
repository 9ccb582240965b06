[ a \< b ]; echo $?
[ b \> a ]; echo $?
[ b \< a ]; echo $?
