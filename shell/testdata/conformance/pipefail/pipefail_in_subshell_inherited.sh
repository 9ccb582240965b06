# reference: bash-posix
set -o pipefail
( false | true; echo "sub $?" )
