echo -n abc
echo
echo -e x
echo -- y
echo -n
echo end
