printf 'first\nsecond\nthird\n' | { read a; /usr/bin/head -n 1; read c; echo "$a|$c"; }
