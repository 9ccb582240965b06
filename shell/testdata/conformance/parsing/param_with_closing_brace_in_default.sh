unset u
echo "${u:-\}}" ${u:-'}'}
