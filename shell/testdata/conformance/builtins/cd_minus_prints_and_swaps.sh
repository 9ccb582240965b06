mkdir a b
top=$PWD
cd a; cd ../b
cd - > "$top/out"
echo "${PWD##*/} $(sed 's|.*/||' "$top/out")"
