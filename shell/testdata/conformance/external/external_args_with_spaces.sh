/usr/bin/printf '[%s]' "a b" '' c; echo
