trap 'echo a' INT
trap -- - INT
trap
echo end
