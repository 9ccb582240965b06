mkdir -p base/x x
CDPATH=$PWD/base
cd ./x
echo "$PWD" | sed 's|.*/\([^/]*/[^/]*\)$|\1|'
