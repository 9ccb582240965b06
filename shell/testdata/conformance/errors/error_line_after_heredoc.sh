cat <<EOF >/dev/null
a
b
EOF
nosuch_cmd_zz
