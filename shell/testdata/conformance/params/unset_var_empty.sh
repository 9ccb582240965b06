unset nothing
echo "[$nothing]" [$nothing]
