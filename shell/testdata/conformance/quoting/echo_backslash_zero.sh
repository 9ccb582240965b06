echo 'a\0b' | od -An -c
