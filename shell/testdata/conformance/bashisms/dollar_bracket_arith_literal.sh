# expect: $[...] is obsolete bash arithmetic; dash leaves it literal (and globs it)
echo $[1+1]
