i=0
{
while [ $i -lt 300 ]; do echo "line $i"; i=$((i+1)); done
} > gen
{ echo 'cat <<EOF'; cat gen; echo EOF; } > script
. ./script | wc -l
