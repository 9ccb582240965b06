# expect: dash rejects double quotes inside $(( )) and the error ends the script; bash accepts them
# zinebox-known-failure: quoted operands are accepted in arithmetic, as bash does
x=3
echo "$((x+1))" "$(( "2" + 3 ))"
