# expect: dash's printf leaves \c in the format string as it is (\c only stops output inside %b)
printf 'a\cb'
echo
