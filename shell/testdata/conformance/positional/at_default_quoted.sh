set --
printf '[%s]' "${@:-none}"; echo
set -- x y
printf '[%s]' "${@:-none}"; echo
