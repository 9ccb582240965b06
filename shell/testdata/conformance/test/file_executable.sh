touch f
chmod 755 f
[ -x f ]; echo $?
chmod 644 f
[ -x f ]; echo $?
