set -- -f -a
while getopts f:a o; do echo "$o [$OPTARG]"; done
