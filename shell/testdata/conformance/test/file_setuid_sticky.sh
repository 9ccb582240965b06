touch f
chmod 4755 f
[ -u f ]; echo $?
chmod 2755 f
[ -g f ]; echo $?
mkdir t
chmod 1777 t
[ -k t ]; echo $?
[ -k f ]; echo $?
