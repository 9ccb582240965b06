cat /dev/fd/3 3<<EOF
via fd3
EOF
