# expect: $'...' is not in dash 0.5.12: $ stays literal and '...' is a normal quote
echo $'a\tb'
