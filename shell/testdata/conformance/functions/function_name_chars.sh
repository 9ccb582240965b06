my_func1() { echo ok1; }
_f() { echo ok2; }
my_func1; _f
