echo "[`echo hi`]"
x=`echo a b`
echo "$x"
