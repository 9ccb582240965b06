f() {
  for i in 1 2 3; do
    if [ $i = 2 ]; then return $i; fi
  done
  return 9
}
f; echo $?
