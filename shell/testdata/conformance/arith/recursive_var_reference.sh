# expect: dash takes a variable's value in $(( )) as a number only; bash evaluates it as an expression
a=b
b=c
c=4
echo $((a+1))
