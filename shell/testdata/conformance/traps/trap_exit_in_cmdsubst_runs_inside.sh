x=$(trap 'echo in-sub-exit' EXIT; echo body)
echo "[$x]"
