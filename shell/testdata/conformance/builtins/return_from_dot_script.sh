printf 'echo a\nreturn 4\necho b\n' > inc
. ./inc
echo "status $?"
