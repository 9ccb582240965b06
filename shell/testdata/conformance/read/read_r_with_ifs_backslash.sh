printf 'a\\b:c\n' | { IFS=: read -r x y; printf '[%s][%s]\n' "$x" "$y"; }
