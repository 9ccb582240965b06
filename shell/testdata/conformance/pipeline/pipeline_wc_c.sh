printf 'hello' | wc -c
