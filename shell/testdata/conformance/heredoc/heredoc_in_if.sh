if true; then
  cat <<EOF
in if
EOF
fi
