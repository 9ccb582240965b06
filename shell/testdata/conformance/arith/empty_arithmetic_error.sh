# expect: dash: an empty $(( )) is an arithmetic error (expecting primary), fatal, status 2
echo before
echo $(( ))
echo not reached
