echo "root:x:0:0" | { IFS=: read a b c d; echo "$a|$b|$c|$d"; }
