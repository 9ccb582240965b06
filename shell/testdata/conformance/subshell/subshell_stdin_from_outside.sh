printf 'a\nb\n' | ( read x; read y; echo "$y$x" )
