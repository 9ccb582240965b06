{ read a; read b; } <<EOF
first
second
EOF
echo "$a/$b"
