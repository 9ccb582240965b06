e=
echo "${e:?empty or unset}"
echo not reached
