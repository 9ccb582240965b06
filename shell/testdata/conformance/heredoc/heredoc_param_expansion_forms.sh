x=abc
unset u
cat <<EOF
${x%c} ${#x} ${u:-def} ${x:+alt}
EOF
