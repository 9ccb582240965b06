echo "[$OPTIND][${OPTARG-unset}]"
