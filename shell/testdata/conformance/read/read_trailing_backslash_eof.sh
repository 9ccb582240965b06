printf 'abc\\' | { read x; echo "st=$? [$x]"; }
