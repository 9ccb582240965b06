set -- -a
getopts : o
echo "o=$o OPTARG=$OPTARG"
