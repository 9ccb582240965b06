# expect: dash resets OPTIND to 1 whenever set -- replaces the positional parameters
OPTIND=2
set -- x -a
echo "OPTIND=$OPTIND"
getopts a o
echo "$o $OPTIND"
