touch a
ln a b
touch c
[ a -ef b ]; echo $?
[ a -ef c ]; echo $?
