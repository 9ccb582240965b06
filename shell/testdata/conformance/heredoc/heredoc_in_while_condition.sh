while read x; do echo "got $x"; done <<EOF
$(echo computed)
EOF
