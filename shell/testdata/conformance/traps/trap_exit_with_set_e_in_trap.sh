trap 'false; echo still-in-trap' EXIT
set -e
echo body
