# expect: a trap action running inside a function can return from that function
trap 'return 5' USR1
f() { kill -USR1 $$; echo not-reached; }
f
echo "f=$?"
