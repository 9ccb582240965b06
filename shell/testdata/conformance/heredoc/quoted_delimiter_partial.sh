x=world
cat <<E"O"F
hello $x
EOF
