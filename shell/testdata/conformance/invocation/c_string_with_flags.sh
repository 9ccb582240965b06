# mode: c
# flags: -e
false
echo not reached
