echo one
set -n
echo two
set +n
echo three
