set -u
echo "[$@]" "[$*]" $#
