./nosuch_zz
nosuch_zz
/nosuch/zz
