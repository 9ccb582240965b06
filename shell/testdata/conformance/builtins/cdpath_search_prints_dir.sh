# expect: cd prints the directory it found through CDPATH
mkdir -p base/target
top=$PWD
CDPATH=$PWD/base
cd target > "$top/out"
sed "s|$top|TMP|" "$top/out"
echo ${PWD##*/}
