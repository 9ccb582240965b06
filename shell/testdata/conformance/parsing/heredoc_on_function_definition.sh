f() { cat; } <<EOF
attached body
EOF
f
f
