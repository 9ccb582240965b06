(
  echo sub
  nosuch_cmd_zz
)
