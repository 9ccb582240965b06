e=
: ${e:?}
echo not reached
