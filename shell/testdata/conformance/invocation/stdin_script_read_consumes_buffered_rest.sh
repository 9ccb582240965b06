# mode: stdin
# expect: dash reads its script from stdin in blocks, so read finds no more input and the next script line runs as a command
read line
this_line_runs_as_a_command
echo "got: [$line]"
