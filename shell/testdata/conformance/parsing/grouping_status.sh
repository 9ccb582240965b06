{ false; }
echo $?
( true )
echo $?
