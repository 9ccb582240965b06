# expect: a lone ! with no command is a syntax error in dash; bash accepts it
!
echo "status $?"
