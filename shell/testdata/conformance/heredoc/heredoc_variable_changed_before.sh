x=1
cat <<EOF
$x
EOF
x=2
cat <<EOF
$x
EOF
