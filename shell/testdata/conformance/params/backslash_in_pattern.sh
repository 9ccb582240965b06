x='a\b'
printf '%s\n' "${x#a\\}"
printf '%s\n' "${x%\\b}"
