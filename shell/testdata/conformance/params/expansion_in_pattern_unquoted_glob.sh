touch abc
x=abc
echo ${x%c*}
echo ${x#'a'}
