set -- -
while getopts a o; do echo "opt $o"; done
echo "OPTIND=$OPTIND"
