f() { :; }
f=var
unset -v f
echo "[${f-unset}]"
f && echo func-still-there
unset -f f
f 2>/dev/null || echo func-gone
