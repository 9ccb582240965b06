set -- -a -b -c
getopts abc o
echo "parent $o $OPTIND"
( getopts abc o; echo "sub $o $OPTIND" )
getopts abc o
echo "parent $o $OPTIND"
