set -- -ffile.txt
while getopts f: opt; do echo "opt=$opt arg=$OPTARG"; done
