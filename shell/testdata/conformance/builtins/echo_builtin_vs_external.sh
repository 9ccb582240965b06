echo 'a\tb'
/bin/echo 'a\tb'
