set -a
f() { FV=fromf; }
f
/usr/bin/env | grep '^FV='
