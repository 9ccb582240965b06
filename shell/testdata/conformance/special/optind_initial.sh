echo $OPTIND
