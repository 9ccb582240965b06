x=world
cat <<'EOF'
hello $x
$(echo no) `no`
EOF
