set -- -a -b
while getopts a:b o; do echo "$o [$OPTARG]"; done
