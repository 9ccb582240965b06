set -o | grep -E '^(errexit|noglob|nounset|xtrace)'
set -e -u
set -o | grep -E '^(errexit|nounset)'
