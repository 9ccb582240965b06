printf 'first\nsecond\n' | { read a; cat; }
