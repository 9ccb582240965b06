export V=one
/usr/bin/env | grep '^V='
V=two
/usr/bin/env | grep '^V='
unset V
/usr/bin/env | grep -c '^V='
