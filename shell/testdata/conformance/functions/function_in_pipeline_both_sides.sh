gen() { echo a; echo b; }
up() { tr a-z A-Z; }
gen | up | up
