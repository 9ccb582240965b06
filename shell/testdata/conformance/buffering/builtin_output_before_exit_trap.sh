trap 'echo in-trap' EXIT
printf 'partial'
exit 0
