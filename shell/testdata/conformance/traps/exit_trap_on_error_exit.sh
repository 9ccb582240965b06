trap 'echo trap ran' EXIT
set -e
false
echo not reached
