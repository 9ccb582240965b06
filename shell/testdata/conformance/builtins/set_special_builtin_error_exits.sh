set -o nonsense_zz
echo not reached
