echo 'v=from-dot; f() { echo func-from-dot; }' > lib.sh
. ./lib.sh
echo $v
f
