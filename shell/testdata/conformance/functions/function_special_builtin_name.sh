# expect: dash refuses a function named like a special builtin: Syntax error: Bad function name, exit 2
set() { echo "my set"; }
set -- a
echo $# $1
