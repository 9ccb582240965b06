unset u
echo before
echo "${u?is not set}"
echo after
