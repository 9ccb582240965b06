set -- -f val -a
while getopts f:a o; do echo "$o [${OPTARG-UNSET}]"; done
