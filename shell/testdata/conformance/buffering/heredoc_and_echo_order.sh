echo first
cat <<EOF
second
EOF
echo third
