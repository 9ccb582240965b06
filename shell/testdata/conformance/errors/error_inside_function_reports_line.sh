f() {
  echo in-f
  nosuch_cmd_zz
  echo after-in-f
}
f
