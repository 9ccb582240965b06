# mode: c
# expect: dash parses and runs a -c string command by command, so the first line runs before the syntax error
echo before
if then
