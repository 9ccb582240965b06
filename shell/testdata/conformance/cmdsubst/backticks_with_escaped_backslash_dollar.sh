x=val
echo `echo \\$x`
echo "`echo \\$x`"
