cat <<EOF; echo after-heredoc
body
EOF
