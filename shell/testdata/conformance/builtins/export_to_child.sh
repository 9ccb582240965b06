export V1=one
V2=two
/usr/bin/env | grep '^V[12]='
