# expect: dash: an empty $(( )) is an arithmetic error (expecting primary), fatal, status 2
# zinebox-known-failure: $(( )) is accepted as 0
echo before
echo $(( ))
echo not reached
