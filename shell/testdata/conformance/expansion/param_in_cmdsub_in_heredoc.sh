x=val
cat <<EOF
$(echo "$x")
EOF
