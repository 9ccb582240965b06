command -v echo
command -v cat
command -v nonexistent_zz
echo "status $?"
f() { :; }
command -v f
command -v if
