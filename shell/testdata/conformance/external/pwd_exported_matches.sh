[ "$(/usr/bin/env | grep '^PWD=')" = "PWD=$PWD" ] && echo pwd-matches
[ "$PWD" = "$(/bin/pwd)" ] && echo physical-matches
