cat 0<<EOF
zero
EOF
