# expect: dash's echo interprets backslash escapes (XSI); bash's does not
echo 'a\tb'
/bin/echo 'a\tb'
