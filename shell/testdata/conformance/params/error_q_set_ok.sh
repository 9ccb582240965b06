s=v
echo "${s?bad}" "${s:?bad}"
e=
echo "[${e?bad}]"
