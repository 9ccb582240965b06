set -- -a -- -b
while getopts ab opt; do echo "opt=$opt"; done
shift $((OPTIND-1))
echo "rest: $*"
