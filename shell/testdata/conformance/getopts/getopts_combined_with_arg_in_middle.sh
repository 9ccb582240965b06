set -- -abfile -c
while getopts abf:c o; do echo "$o [${OPTARG-}]"; done
