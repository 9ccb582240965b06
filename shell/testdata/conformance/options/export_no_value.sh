export NOVAL_ZZ
export -p | grep NOVAL_ZZ
/usr/bin/env | grep -c NOVAL_ZZ
