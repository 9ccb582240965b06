mkdir -p real/sub
ln -s real/sub link
cd -P link
echo ${PWD##*/}
