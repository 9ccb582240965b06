touch x
set -o noglob
echo *
