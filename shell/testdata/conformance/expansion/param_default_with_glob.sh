touch d1 d2
unset u
echo ${u:-d*}
echo "${u:-d*}"
