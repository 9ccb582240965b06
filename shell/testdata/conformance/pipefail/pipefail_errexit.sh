# reference: bash-posix
set -eo pipefail
false | true
echo not reached
