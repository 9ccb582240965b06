x=$(
  nosuch_cmd_zz
)
