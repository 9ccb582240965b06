set -e
trap 'echo trap $?' EXIT
false
