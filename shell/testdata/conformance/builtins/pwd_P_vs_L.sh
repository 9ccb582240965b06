mkdir real
ln -s real link
cd link
echo "${PWD##*/}"
pwd -L | sed 's|.*/||'
pwd -P | sed 's|.*/||'
