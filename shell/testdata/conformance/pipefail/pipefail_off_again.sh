# reference: bash-posix
set -o pipefail
set +o pipefail
false | true
echo $?
