printf '\001\002\377\n' | cat | od -An -tx1
