set -- x y
IFS=-
cat <<EOF
$*
EOF
