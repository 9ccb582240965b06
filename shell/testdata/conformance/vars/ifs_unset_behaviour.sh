unset IFS
echo "[${IFS-unset}]"
