printf 'first\nsecond\n' > f
{ read a; cat; } < f
