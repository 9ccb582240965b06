printf 'one two\n' | { read v v; echo "[$v]"; }
