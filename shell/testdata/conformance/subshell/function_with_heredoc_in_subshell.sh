f() {
  cat <<EOF
heredoc in $1
EOF
}
( f sub )
x=$(f cmdsubst)
echo "$x"
