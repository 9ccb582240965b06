PS4='>> '
set -x
echo traced
set +x
