x=v
cat <<EOF
a\$x \`b\` c\\d e\f "q" 'q'
cont\
inued
EOF
