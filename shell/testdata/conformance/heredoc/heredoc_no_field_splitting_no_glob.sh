touch f1 f2
x='a   b'
cat <<EOF
$x *
EOF
