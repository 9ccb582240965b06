# expect: dash's echo takes only -n; bash --posix also takes -e
echo -n abc
echo
echo -e x
echo -- y
echo -n
echo end
