set -- --long
getopts a o
echo "o=$o st=$?"
