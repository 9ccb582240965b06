walk() {
  echo "enter $# $*"
  [ $# -gt 0 ] || return 0
  shift
  walk "$@"
  echo "leave $#"
}
walk a b
