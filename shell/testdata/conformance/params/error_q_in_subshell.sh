unset u
( : ${u?gone} ; echo not here )
echo "status $?"
