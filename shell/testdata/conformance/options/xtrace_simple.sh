set -x
echo hello
x=1
echo "$x" 'two words'
