cmd_add() { echo $(($1 + $2)); }
cmd_mul() { echo $(($1 * $2)); }
run() {
  name=$1; shift
  case $name in
    add|mul) "cmd_$name" "$@";;
    *) echo "unknown: $name" >&2; return 1;;
  esac
}
run add 2 3
run mul 4 5
run div 1 2
echo "status $?"
