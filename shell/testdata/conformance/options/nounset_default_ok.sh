set -u
echo "${undefined_zz-default}" "${undefined_zz:-d2}"
echo "[${undefined_zz+alt}]"
