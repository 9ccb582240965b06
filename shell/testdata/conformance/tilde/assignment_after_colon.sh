HOME=/home/me
PATHX=/a:~/b:~
echo $PATHX
