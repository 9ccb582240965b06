export V=first
V=second
/usr/bin/env | grep '^V='
