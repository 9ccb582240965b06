set -- $(printf 'a\tb  c\n')
echo $#
