touch x y
set -f
echo *
set +f
echo *
