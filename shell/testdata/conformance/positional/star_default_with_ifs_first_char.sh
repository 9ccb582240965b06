set -- a b
IFS=,
echo "${*:-none}"
set --
echo "${*:-none}"
