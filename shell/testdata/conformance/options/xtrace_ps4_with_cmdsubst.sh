PS4='$(echo "[t]") '
set -x
echo hi
