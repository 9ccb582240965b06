f() { nosuch_cmd_zz; }
( f )
echo "status $?"
