# reference: bash-posix
set -o pipefail
{ echo a; sleep 0.2; echo b; } | head -n 1
echo "status $?"
