f() { OPTIND=1; while getopts a o; do echo "opt $o"; done; }
f -a
f -a -a
