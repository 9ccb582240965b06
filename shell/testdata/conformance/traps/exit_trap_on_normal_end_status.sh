trap 'echo trap' EXIT
false
