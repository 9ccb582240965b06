set -x
printf '%s|' '' a ''
echo
