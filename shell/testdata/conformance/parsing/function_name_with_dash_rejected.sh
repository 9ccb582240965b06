# expect: dash only accepts NAME characters in function names: Syntax error: Bad function name
my-func() { echo dash-name; }
my-func
