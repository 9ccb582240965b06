<<EOF
a here-document with no command
EOF
echo after
