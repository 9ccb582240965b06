echo 'exit 9' > inc
. ./inc
echo not reached
