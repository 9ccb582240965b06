# expect: a first operand that is an unsigned integer resets the listed signals
trap 'echo a' INT TERM
trap 2 15
trap
echo end
