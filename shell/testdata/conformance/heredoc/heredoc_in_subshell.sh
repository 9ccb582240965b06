(
cat <<EOF
sub
EOF
)
