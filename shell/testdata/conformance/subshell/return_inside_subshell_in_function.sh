f() {
  ( return 3 )
  echo "subshell returned $?"
  return 4
}
f
echo "f returned $?"
