unset u
: ${u?}
echo not reached
