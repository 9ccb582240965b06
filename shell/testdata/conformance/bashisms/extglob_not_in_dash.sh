# expect: extended globs are bash-only: dash reports a syntax error
touch a.txt b.log
echo !(a.txt)
