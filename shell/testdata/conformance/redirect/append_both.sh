echo a > f
{ echo b; echo c >&2; } >> f 2>&1
cat f
