printf '%b%s\n' 'one\c' two
echo after
