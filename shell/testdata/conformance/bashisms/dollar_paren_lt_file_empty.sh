# expect: $(<file) is bash-only; dash runs an empty command with a redirection, so the result is empty
echo content > f
x=$(<f)
echo "[$x]"
