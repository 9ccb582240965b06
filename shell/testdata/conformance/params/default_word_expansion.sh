unset u
echo ${u:-"a  b"}
echo "${u:-a  b}"
echo ${u:-$(echo cmd)}
echo ${u:-$((1+2))}
