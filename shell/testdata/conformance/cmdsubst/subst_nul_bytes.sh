# expect: dash drops NUL bytes from command substitution silently
x=$(printf 'a\000b')
echo "$x" | od -An -c
