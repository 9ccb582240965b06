printf '%s\n' 'a\nb'
