cat <<EOF
"double" 'single'
EOF
