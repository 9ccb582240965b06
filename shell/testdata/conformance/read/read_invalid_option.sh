echo a | { read -z x; echo "st=$?"; }
