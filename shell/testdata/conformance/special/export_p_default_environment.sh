export -p | sed "s|$PWD|TMP|"
