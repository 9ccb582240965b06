HOME=/h
echo --opt=~ x=~
