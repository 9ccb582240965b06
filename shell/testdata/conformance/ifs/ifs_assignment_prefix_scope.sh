# expect: eval is a special builtin, so IFS=: before it persists after it (POSIX 2.14)
x='a:b'
IFS=: eval 'printf "[%s]" $x'; echo
printf '[%s]' $x; echo
