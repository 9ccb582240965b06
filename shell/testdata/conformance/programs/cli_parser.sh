usage() { echo "usage: prog [-v] [-o file] args" >&2; exit 2; }
parse() {
  verbose=0 out=-
  OPTIND=1
  while getopts vo: opt; do
    case $opt in
      v) verbose=$((verbose+1));;
      o) out=$OPTARG;;
      *) usage;;
    esac
  done
  shift $((OPTIND-1))
  echo "verbose=$verbose out=$out args=$*"
}
parse -vv -o x.txt a b
parse c
( parse -q ) ; echo "status $?"
