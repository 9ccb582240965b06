echo before
set -v
echo shown
set +v
echo quiet
