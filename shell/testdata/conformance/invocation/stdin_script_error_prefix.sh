# mode: stdin
echo before
nosuch_cmd_zz
echo after
