x=world
cat <<"EOF"
hello $x \$x
EOF
