set -a
AV=exported
/usr/bin/env | grep '^AV='
