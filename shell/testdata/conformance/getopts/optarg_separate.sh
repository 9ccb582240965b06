set -- -f file.txt -v
while getopts f:v opt; do echo "opt=$opt arg=${OPTARG-none}"; done
