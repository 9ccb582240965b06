# expect: type of a missing name: dash prints 'x: not found' on stdout, status 127; bash: stderr, 1
# zinebox-differs: applets are found before PATH and without it (issue 7: applets run as /proc/self/exe, no PATH search; see sh(1)), so cat is "a zinebox applet"
type echo
type cat
type if
type nonexistent_zz
echo "status $?"
