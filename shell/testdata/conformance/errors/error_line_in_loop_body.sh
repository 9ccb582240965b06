for i in 1 2; do
  nosuch_cmd_zz
done
