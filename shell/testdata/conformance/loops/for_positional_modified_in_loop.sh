set -- a b c
for x; do set -- z; echo $x; done
