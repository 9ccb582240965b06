x=$(trap 'echo from-exit-trap' EXIT; exit 3)
echo "[$x] $?"
