set -eu
echo ${unset_zz:-default}
false
echo not reached
