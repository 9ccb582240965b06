IFS=:
unset u
printf '[%s]' ${u:-a:b}; echo
printf '[%s]' ${u:-"a:b"}; echo
