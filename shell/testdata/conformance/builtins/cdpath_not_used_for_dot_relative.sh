mkdir -p base/x x
top=$PWD
CDPATH=$PWD/base
cd ./x
[ "$PWD" = "$top/x" ] && echo "cwd-relative x"
