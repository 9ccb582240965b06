set -e
echo 'false; echo in-dot' > inc
. ./inc
echo not reached
