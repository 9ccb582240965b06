set -- -z
getopts :a o
echo "o=$o OPTARG=$OPTARG"
