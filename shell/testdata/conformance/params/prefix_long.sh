x=/usr/local/bin/tool
echo ${x##*/}
echo ${x##/*/}
echo "[${x##*}]"
