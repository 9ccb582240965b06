echo text -n
echo -n -n first
echo
