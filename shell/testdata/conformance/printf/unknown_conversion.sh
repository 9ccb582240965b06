# expect: an invalid printf directive: status 2 in dash, 1 in bash
printf '%z\n' x
echo "st=$?"
