mkdir -p real/sub
ln -s real/sub link
top=$PWD
cd link
cd ..
[ "$PWD" = "$top" ] && echo logical-parent
