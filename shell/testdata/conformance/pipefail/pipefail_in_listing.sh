# reference: bash-posix
set -o pipefail
set -o | grep pipefail | tr -s ' \t' ' '
