# flags: -a
AV=1
/usr/bin/env | grep '^AV='
