# reference: bash-posix
set -o pipefail
(exit 2) | (exit 3) | true
echo $?
(exit 2) | true | (exit 0)
echo $?
