set -a
set -- -o x
getopts o: opt
/usr/bin/env | grep -E '^(opt|OPTARG)=' | sort
