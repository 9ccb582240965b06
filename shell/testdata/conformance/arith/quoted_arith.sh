# expect: dash rejects double quotes inside $(( )) and the error ends the script; bash accepts them
x=3
echo "$((x+1))" "$(( "2" + 3 ))"
