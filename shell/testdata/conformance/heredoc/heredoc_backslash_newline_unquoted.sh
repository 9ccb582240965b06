cat <<EOF
joined \
line
EOF
