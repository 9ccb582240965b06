x=$(cat <<'EOF'
a ) b
EOF
)
echo "$x"
