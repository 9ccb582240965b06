# expect: command -v of a missing name: status 127 in dash, 1 in bash
command -v echo
command -v cat
command -v nonexistent_zz
echo "status $?"
f() { :; }
command -v f
command -v if
