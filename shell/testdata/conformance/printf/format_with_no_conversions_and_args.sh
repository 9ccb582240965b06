printf 'fixed\n' a b c
