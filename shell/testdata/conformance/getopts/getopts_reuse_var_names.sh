set -- -x
getopts x OPTARG
echo "[$OPTARG]"
