f() {
  local l=local-value
  set -- fa fb
  ( echo "$l $1 $2" )
  echo "$(echo "$l $#")"
}
f
