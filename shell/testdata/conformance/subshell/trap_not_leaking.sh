( trap 'echo sub' USR1 )
trap
echo end
