x='a*b*c'
echo "${x#*\*}"
echo "${x#"a*"}"
echo "${x%'*c'}"
p='*'
echo "${x#$p}"
echo "${x#"$p"}"
