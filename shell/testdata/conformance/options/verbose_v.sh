set -v
echo shown
x=1
