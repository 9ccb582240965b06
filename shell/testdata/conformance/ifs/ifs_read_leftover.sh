printf 'a:b:c:d\n' | { IFS=: read x y; echo "$x|$y"; }
