# expect: dash 0.5.12 treats @ as set even with no positional parameters, so ${@+x} gives x; bash gives nothing
set --
printf '[%s]' "${@+x}"; echo "|"
set -- ""
printf '[%s]' "${@+x}"; echo "|"
