parse() {
  OPTIND=1
  while getopts n: o; do echo "n=$OPTARG"; done
  shift $((OPTIND-1)); echo "args: $*"
}
parse -n 5 x y
parse -n7 z
