"true" && echo ran-true
'[' 1 = 1 ']' && echo ran-bracket
