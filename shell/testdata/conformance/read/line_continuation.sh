printf 'one \\\ntwo\n' | { read x; echo "[$x]"; }
printf 'one \\\ntwo\n' | { read -r x; printf '[%s]\n' "$x"; }
