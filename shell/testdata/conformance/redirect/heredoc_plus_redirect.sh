cat <<EOF 2>&1 >f
doc
EOF
cat f
