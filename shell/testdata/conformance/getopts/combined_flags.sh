set -- -abc rest
while getopts abc opt; do echo "opt=$opt"; done
shift $((OPTIND-1))
echo "rest: $*"
