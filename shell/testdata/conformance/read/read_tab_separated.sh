printf 'a\tb\tc\n' | { read x y z; echo "$z$y$x"; }
