for i in 1 2; do cat <<EOF; done
iteration $i
EOF
