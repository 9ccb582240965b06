# expect: >( ) is bash-only: a syntax error in dash
echo x > >(cat)
