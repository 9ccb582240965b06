# expect: when set -- replaces the positional parameters dash restarts getopts from the first one (OPTIND still reads 2 until getopts runs)
OPTIND=2
set -- x -a
echo "OPTIND=$OPTIND"
getopts a o
echo "$o $OPTIND"
