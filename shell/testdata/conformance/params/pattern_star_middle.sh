x=aXbXc
echo ${x#*X} ${x##*X} ${x%X*} ${x%%X*}
