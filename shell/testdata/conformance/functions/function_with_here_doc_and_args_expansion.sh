greet() {
  cat <<EOF
Hello $1, you gave $# args: $*
EOF
}
greet world x y
