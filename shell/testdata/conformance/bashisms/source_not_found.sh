# expect: 'source' is a bash synonym of '.'; dash has only '.'
echo 'echo sourced' > inc
source ./inc
echo "status $?"
