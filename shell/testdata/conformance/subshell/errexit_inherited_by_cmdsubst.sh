set -e
x=$(false; echo not-reached-in-sub)
echo "never: $x"
