set -- -a
getopts a o; echo $o
OPTIND=1
getopts a o; echo $o again
