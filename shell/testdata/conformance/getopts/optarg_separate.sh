# expect: dash sets OPTARG to empty for an option without argument; bash unsets it
set -- -f file.txt -v
while getopts f:v opt; do echo "opt=$opt arg=${OPTARG-none}"; done
