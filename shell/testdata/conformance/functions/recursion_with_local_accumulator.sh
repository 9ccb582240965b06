sum() {
  local n=$1
  if [ $n -eq 0 ]; then echo 0; return; fi
  local rest=$(sum $((n-1)))
  echo $((n + rest))
}
sum 20
