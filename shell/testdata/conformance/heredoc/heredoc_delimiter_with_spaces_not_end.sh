cat <<EOF
 EOF
EOF 
EOF
