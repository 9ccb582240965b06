# reference: bash-posix
set -o pipefail
false
echo $?
