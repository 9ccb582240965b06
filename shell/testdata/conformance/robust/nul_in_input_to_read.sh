printf 'a\000b\nc\n' | { read x; read y; echo "$y"; }
