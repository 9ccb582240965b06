set -- /a/b/c.txt
echo ${1##*/} ${1%/*} ${1%.txt}
