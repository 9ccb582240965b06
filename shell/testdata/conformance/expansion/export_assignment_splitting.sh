# expect: dash 0.5.12 does not split or glob the operand of export x=$y (it treats it as an assignment)
y='a b'
export x=$y
echo "$x"
