type echo
type cat
type if
type nonexistent_zz
echo "status $?"
