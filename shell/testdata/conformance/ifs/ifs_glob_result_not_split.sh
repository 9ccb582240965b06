touch 'a b' c
for f in *; do echo "<$f>"; done
