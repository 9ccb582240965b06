trap 'echo in-trap; exit 9' EXIT
echo body
