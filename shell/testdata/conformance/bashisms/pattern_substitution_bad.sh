# expect: ${x/a/b} is bash-only: dash says Bad substitution and exits 2
x=abc
echo ${x/a/b}
echo not reached
