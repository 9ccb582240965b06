printf 'a\000b\n' | od -An -c
