x=keep
( unset x; echo "[${x-unset}]" )
echo $x
