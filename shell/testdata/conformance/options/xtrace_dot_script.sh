echo 'echo sourced' > inc
set -x
. ./inc
