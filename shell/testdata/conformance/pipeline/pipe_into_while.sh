printf 'x y\nz w\n' | while read a b; do echo "$b $a"; done
