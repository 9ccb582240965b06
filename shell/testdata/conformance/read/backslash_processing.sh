printf 'a\\tb\\\\c\n' | { read x; printf '[%s]\n' "$x"; }
printf 'a\\tb\\\\c\n' | { read -r x; printf '[%s]\n' "$x"; }
