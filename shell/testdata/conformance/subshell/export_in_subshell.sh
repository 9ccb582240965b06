( export NEWV=1 )
echo "[${NEWV-unset}]"
