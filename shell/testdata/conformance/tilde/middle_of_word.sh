HOME=/home/me
echo a~ x~/y
