n=0
while read line; do n=$((n+1)); done <<EOF
a
b
c
EOF
echo $n
