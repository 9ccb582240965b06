X=1 /usr/bin/env | grep '^X='
echo "[${X-unset}]"
