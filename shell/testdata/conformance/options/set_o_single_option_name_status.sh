set -o noglob
echo "status $?"
set +o noglob
echo *
