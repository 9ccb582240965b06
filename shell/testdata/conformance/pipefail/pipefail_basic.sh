# reference: bash-posix
# expect: dash 0.5.12 has no pipefail; POSIX 2024 and bash have it
set -o pipefail
false | true
echo $?
true | true
echo $?
