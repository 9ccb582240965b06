set -- x
getopts a o
echo "st=$? o=$o OPTIND=$OPTIND"
