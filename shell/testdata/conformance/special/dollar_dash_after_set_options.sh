set -f -u
echo "[$-]"
set +f +u
echo "[$-]"
