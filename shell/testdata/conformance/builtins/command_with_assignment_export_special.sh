command export CX=1
/usr/bin/env | grep '^CX='
