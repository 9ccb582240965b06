eval "trap 'echo evaltrap' EXIT"
echo body
