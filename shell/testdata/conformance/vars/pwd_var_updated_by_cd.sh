mkdir x
cd x
echo ${PWD##*/}
cd ..
[ "${OLDPWD##*/}" = x ] && echo oldpwd-ok
