trap '' USR1
( kill -USR1 $$; kill -USR1 0 2>/dev/null; echo survived-sub )
echo survived-parent
