E=1 exec 2>&1
echo "[${E-unset}]"
