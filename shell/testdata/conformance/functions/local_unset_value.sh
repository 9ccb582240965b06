x=g
f() { local x; echo "[${x-unset}]"; }
f
