echo {1..3} {a,b}
