for 1x in a; do echo $1x; done
