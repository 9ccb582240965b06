V3=temp /usr/bin/env | grep '^V3='
echo "[${V3-unset}]"
