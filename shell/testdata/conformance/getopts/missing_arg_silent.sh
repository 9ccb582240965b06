set -- -f
while getopts :f: opt; do echo "opt=$opt arg=[$OPTARG]"; done
