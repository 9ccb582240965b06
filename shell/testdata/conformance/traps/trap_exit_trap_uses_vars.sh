v=initial
trap 'echo "v=$v"' EXIT
v=final
