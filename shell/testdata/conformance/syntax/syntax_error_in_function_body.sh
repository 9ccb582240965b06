f() {
  echo in f
  )
}
echo never
