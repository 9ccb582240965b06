set -- a b
getopts a o
echo "st=$? o=$o OPTIND=$OPTIND"
