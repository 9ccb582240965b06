HOME=/h
echo a=~ --x=~/y
