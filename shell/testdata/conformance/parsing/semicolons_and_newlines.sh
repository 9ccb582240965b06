echo a; echo b
echo c
;echo_never=1 2>/dev/null
echo d
