set -- -a 1 -b 2 -c3 rest1 rest2
while getopts a:b:c: o; do echo "$o=$OPTARG"; done
shift $((OPTIND-1)); echo "$#: $*"
