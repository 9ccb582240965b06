# expect: dash prints the -p prompt only when stdin is a terminal
echo ans | { read -p 'Prompt: ' x; echo "[$x]"; }
