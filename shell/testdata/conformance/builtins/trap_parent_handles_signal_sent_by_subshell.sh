trap 'echo parent-usr1' USR1
( kill -USR1 $$; sleep 0.2 )
echo after
