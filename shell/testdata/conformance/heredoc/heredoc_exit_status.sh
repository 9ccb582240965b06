cat <<EOF
x
EOF
echo $?
