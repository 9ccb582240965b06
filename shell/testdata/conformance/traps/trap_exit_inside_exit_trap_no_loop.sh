trap 'echo in-trap; exit 3' EXIT
exit 1
