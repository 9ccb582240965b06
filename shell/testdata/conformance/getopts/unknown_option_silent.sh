set -- -x
while getopts :ab opt; do echo "opt=$opt arg=[$OPTARG]"; done
