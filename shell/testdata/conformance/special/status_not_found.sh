nonexistent_cmd_zz
echo $?
