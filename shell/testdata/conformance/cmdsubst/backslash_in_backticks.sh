echo `printf '%s' '\\'`
echo `echo '\$'`
echo "`echo '\\\\'`"
