printf '%s\n' `echo \`echo nested\``
printf '%s\n' "`echo "a  b"`"
printf '%s\n' `echo '\$x'`
