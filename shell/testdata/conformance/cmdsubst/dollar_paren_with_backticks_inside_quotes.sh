echo "$(echo "`echo mixed`")"
