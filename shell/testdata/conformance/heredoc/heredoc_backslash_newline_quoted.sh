cat <<'EOF'
kept \
line
EOF
