# expect: dash takes a variable's value in $(( )) as a number only: 'Illegal number', exit 2; bash evaluates it
x='1+2'
echo $((x*3)) $(($x*3))
