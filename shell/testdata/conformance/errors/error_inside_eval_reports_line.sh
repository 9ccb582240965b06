echo first

eval 'nosuch_cmd_zz'
