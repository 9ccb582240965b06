set -e
false &
wait $!
echo "waited $?"
