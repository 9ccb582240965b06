set -x
echo visible 2>/dev/null
{ echo grouped; } 2>/dev/null
