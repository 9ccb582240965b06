f() { if false; then :; fi; return; }
f; echo $?
