x=$(cat <<'EOF'
it's "quoted" $x
EOF
)
echo "$x"
