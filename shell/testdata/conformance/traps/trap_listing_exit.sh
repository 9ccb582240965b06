trap 'echo bye' EXIT
trap
trap - EXIT
echo cleared
trap
