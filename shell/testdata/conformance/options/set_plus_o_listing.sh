set -f
set +o | grep -E 'noglob|errexit'
