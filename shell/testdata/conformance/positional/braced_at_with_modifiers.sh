# expect: POSIX leaves ${@%word} unspecified; dash 0.5.12 applies the pattern to the last field only for % (and to the first for #); bash applies it to each
set -- abc.txt def.txt
printf '[%s]' "${@%.txt}"; echo
printf '[%s]' "${*#a}"; echo
