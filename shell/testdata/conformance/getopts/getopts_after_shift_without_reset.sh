set -- -a
getopts a o; echo "$o $OPTIND"
set -- -b
getopts b o; echo "$o $OPTIND"
