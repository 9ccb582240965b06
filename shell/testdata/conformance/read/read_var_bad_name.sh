echo a | { read 1x; echo "st=$?"; }
