printf 'a:b:c\n' | { IFS=: read x y z; echo "$x|$y|$z"; }
