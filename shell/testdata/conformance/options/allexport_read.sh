set -a
echo val | { read RV; /usr/bin/env | grep '^RV='; }
