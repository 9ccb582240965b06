echo *.nomatch
echo no?such
echo [z]x
