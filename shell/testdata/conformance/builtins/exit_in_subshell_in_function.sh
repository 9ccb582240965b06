f() { (exit 3); echo "after sub $?"; }
f
