echo 'a b' | { read -a arr; echo "status $?"; }
