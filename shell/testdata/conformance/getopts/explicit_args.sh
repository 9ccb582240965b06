getopts xy: o -x -y val
echo "$o $OPTIND"
getopts xy: o -x -y val
echo "$o $OPTARG $OPTIND"
