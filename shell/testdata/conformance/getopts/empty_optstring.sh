set -- -a
getopts '' o
echo "st=$? o=$o"
