# reference: bash-posix
set -o pipefail
for i in $(seq 1 100000); do echo $i; done | head -n 1
echo "status $?"
