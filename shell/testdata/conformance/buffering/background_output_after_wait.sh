echo start
{ /bin/echo bg; } &
wait
echo end
