Y=temp true
echo "[${Y-unset}]"
