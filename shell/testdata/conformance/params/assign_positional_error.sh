# expect: ${1=x} cannot assign to a positional parameter: error, exit 2
echo before
: ${1=x}
echo after
