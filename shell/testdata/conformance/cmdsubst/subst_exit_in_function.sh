f() { echo $(exit 5); echo "st $?"; }
f
