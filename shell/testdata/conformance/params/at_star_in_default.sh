set -- 1 2 3
unset u
echo ${u:-$@}
echo "${u:-$*}"
