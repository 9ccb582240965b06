set -- -a
getopts a o; echo "st=$? o=$o"
getopts a o; echo "st=$? o=$o"
