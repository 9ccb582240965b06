set -- aa bbb
echo "${#1}${#2}"
