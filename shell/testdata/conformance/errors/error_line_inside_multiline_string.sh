x='line1
line2'
nosuch_cmd_zz
