# expect: dash's 'local x' keeps the global value; bash's makes x unset
x=g
f() { local x; echo "[${x-unset}]"; }
f
