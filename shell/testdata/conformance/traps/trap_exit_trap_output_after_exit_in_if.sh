trap 'echo in-exit' EXIT
if true; then exit 1; fi
