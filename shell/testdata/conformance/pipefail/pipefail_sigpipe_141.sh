# reference: bash-posix
set -o pipefail
yes | head -n 1
echo "status $?"
