set -x
: hello
set +x
