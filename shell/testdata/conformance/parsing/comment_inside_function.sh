f() {
  # only a comment then a command
  echo in-f # trailing
}
f
