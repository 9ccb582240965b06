set -- -a skip -b
OPTIND=1
getopts ab o; echo "$o $OPTIND"
OPTIND=3
getopts ab o; echo "$o $OPTIND"
