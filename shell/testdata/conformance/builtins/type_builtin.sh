# expect: type of a missing name: dash prints 'x: not found' on stdout, status 127; bash: stderr, 1
type echo
type cat
type if
type nonexistent_zz
echo "status $?"
