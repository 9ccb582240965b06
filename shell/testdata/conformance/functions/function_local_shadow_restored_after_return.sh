v=global
f() { local v; v=inner; }
f
echo $v
