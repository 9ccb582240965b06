echo a | nosuch_cmd_zz | cat
echo "status $?"
