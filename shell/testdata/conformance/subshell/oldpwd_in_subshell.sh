mkdir a
cd a
( cd ..; cd - >/dev/null; echo "${PWD##*/}" )
