printf 'no newline' | { read x; echo "st=$? [$x]"; }
