x=/usr/local/bin/tool
echo ${x#*/}
echo ${x#/usr}
echo ${x#nomatch}
