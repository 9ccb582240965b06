x='a\b'
printf '%s\n' $x "$x"
