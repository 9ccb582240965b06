# expect: inside double-quoted backquotes dash turns \\\\ into \\; bash keeps two backslashes
echo `printf '%s' '\\'`
echo `echo '\$'`
echo "`echo '\\\\'`"
