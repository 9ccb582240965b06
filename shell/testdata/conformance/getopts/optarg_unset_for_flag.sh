# expect: dash sets OPTARG to empty for an option without argument; bash unsets it
set -- -f val -a
while getopts f:a o; do echo "$o [${OPTARG-UNSET}]"; done
