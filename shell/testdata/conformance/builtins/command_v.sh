# expect: command -v of a missing name: status 127 in dash, 1 in bash
# zinebox-differs: applets are found before PATH and without it (issue 7: applets run as /proc/self/exe, no PATH search; see sh(1)), so cat is "a zinebox applet"
command -v echo
command -v cat
command -v nonexistent_zz
echo "status $?"
f() { :; }
command -v f
command -v if
