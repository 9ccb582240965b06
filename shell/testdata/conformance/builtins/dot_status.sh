echo '(exit 6)' > inc
. ./inc
echo $?
