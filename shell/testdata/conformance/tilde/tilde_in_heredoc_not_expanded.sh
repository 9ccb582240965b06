HOME=/h
cat <<EOF
~ ~/x
EOF
