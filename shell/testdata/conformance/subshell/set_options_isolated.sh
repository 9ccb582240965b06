( set -f; echo * | grep -c '\*' )
touch z
echo *
