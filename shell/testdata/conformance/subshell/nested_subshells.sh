( ( ( echo deep; exit 5 ) ; echo "inner $?" ) ; exit 6 )
echo "outer $?"
