# expect: <( ) is not POSIX: dash reports a syntax error
cat <(echo x)
