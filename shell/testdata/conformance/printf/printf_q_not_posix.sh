# expect: %q is bash-only: dash says invalid directive, status 2
printf '%q\n' 'a b'
echo "st=$?"
