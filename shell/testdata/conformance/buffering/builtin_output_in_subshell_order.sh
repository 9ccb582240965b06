echo a
( echo b; /bin/echo c )
echo d
