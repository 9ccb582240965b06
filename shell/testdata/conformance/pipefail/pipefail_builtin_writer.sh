# reference: bash-posix
set -o pipefail
i=0
while :; do echo y; done | head -n 1
echo "status $?"
