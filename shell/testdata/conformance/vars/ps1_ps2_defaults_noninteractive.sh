echo "[$PS1][$PS2][$PS4]"
