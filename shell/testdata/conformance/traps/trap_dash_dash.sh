trap -- 'echo dd' EXIT
echo body
